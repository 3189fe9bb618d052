package io.servicerouter.operator.convergence;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.servicerouter.model.cluster.ConfigurationStatus;
import io.servicerouter.model.cluster.ConvergenceRecord;
import java.util.Optional;

/** Where the leader keeps its convergence records: {@code status.convergence} of the configuration objects. */
public interface ConvergenceRecords {

  /**
   * Stores {@code record} as the object's convergence record. The write may complete later; of several records for
   * one object the last one stored wins.
   */
  void store(HasMetadata object, ConvergenceRecord record);

  /** The record stored in the object's status, if any. */
  static Optional<ConvergenceRecord> stored(HasMetadata object) {
    return Optional.of(object).filter(CustomResource.class::isInstance).map(o -> ((CustomResource<?, ?>) o).getStatus())
        .filter(ConfigurationStatus.class::isInstance).map(status -> ((ConfigurationStatus) status).getConvergence());
  }
}
