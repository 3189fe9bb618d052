/**
 * Offline admission of the five kinds, shared by {@code servicerouter render} and the operator's
 * re-validation of stored objects (SPEC §2.6, §6.1): a small interpreter of the structural schemas and CEL
 * rules of the generated CRDs that prunes, defaults and validates the way the Kubernetes API server does.
 */
package io.servicerouter.validation;
