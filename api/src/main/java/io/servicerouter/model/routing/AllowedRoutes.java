package io.servicerouter.model.routing;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Restricts which ServiceRoutes a Gateway admits. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AllowedRoutes {

  private RouteNamespaces namespaces;

  /** The namespace restriction. */
  public RouteNamespaces getNamespaces() { return namespaces; }

  /** Sets the namespace restriction. */
  public void setNamespaces(RouteNamespaces namespaces) { this.namespaces = namespaces; }
}
