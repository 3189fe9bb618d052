package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** Finds the schema and CEL problems of an input object (SPEC §2.6), formatted {@code <field>: <reason>}. */
@FunctionalInterface
public interface SpecProblems {

  /** No object has a problem: for inputs that were validated before they reached the planner. */
  SpecProblems NONE = object -> List.of();

  /** The problems of the object, empty when it is valid. */
  List<String> of(HasMetadata object);
}
