package io.servicerouter.operator.lifecycle;

import io.servicerouter.planner.DnsEndpointLayout;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The route record layout the {@link LifecycleClusterExtension}'s operator runs with for the annotated test class;
 * without it, {@link DnsEndpointLayout#ROUTE} (the layout the per-route lifecycle tests assert).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface RecordLayout {

  /** The layout. */
  DnsEndpointLayout value();
}
