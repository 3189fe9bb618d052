package io.servicerouter.planner;

import io.servicerouter.model.Condition;

/** Builds the conditions the planner decides (type, status, reason, message; times are the operator's). */
final class Conditions {

  private Conditions() {}

  static Condition holds(String type, String reason, String message) {
    return new Condition(type, Condition.TRUE, reason, message);
  }

  static Condition fails(String type, String reason, String message) {
    return new Condition(type, Condition.FALSE, reason, message);
  }
}
