/**
 * The zone fence's protocol, pure: the value of the lease record each zone carries
 * ({@code _sr-lease.<controller>.<domain>}) and the names of the records the fence owns. The zone agent writes
 * these records by compare-and-swap; the DNS server checks the lease on every data write (docs/decisions.md,
 * "One writer per zone").
 */
package io.servicerouter.fence;
