package io.servicerouter.cli.migrate;

import java.util.List;

/**
 * The cluster-wide values the app mapping needs for its warnings.
 *
 * @param environmentLetter the {@code environmentLetter} value, {@code null} if absent
 * @param domain            the {@code domain} value, {@code null} if absent
 * @param controllerRegions the {@code region} of every {@code externalDns} entry that has one
 */
record Platform(String environmentLetter, String domain, List<String> controllerRegions) {}
