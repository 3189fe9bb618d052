package io.servicerouter.cli.migrate;

/**
 * One entry of {@code apps}, as far as its objects need it.
 *
 * @param path            the entry's values path, {@code apps[i]}
 * @param name            the app's name
 * @param environment     the app's environment, {@code null} if absent
 * @param namespace       the namespace of its DNSPolicy and ServiceRoutes
 * @param namespaceSource the values path the namespace is blamed on: the name if the template uses it
 */
record App(ValuesPath path, String name, String environment, String namespace, ValuesPath namespaceSource) {}
