package io.servicerouter.model.cluster;

import io.servicerouter.model.ObservedStatus;

/**
 * Status of the cluster-scoped configuration kinds: besides what the planner decides, the convergence record,
 * which only the leader's convergence tracker writes. It is not compared (a change of it alone is no reason for
 * the reconciler to write) and a reconciler's status write keeps the stored one.
 */
public abstract class ConfigurationStatus extends ObservedStatus {

  private ConvergenceRecord convergence;

  /** The last convergence the leader started or completed for this object (SPEC §7.2), if any. */
  public ConvergenceRecord getConvergence() { return convergence; }

  /** Sets the convergence record. */
  public void setConvergence(ConvergenceRecord convergence) { this.convergence = convergence; }

  @Override
  public void keepUnplannedFields(ObservedStatus stored) {
    if (stored instanceof ConfigurationStatus configuration) {
      convergence = configuration.convergence;
    }
  }
}
