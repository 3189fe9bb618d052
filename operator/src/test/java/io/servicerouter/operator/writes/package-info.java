/**
 * End-to-end tests of how much the operator writes, counted from the API server's side: the control plane's
 * audit log records every write on the operator's kinds, outputs and Events, and each operator instance runs
 * with a client certificate of its own, so a test counts exactly one instance's writes. A restart with
 * nothing changed, and an idle operator, write nothing; with leader election only the leader writes, and
 * the standby takes over when the leader stops.
 */
package io.servicerouter.operator.writes;
