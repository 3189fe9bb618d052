package io.servicerouter.planner;

/** What the operator does with an owner's generated objects (SPEC §3.1). */
public enum RecordAction {
  /** Create missing objects, update differing ones, delete the owner's other objects. */
  CONVERGE,
  /** Delete all of the owner's objects. */
  DELETE,
  /** Create, update and delete nothing (fail static). */
  KEEP
}
