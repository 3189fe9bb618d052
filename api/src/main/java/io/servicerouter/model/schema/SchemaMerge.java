package io.servicerouter.model.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JSON object deep-merged into the generated OpenAPI schema of a property by {@link CrdPostProcessor},
 * for schema keywords the fabric8 CRD generator has no annotation for (string enums, list types, object
 * defaults, formats). On a field it targets that field's property; on a class it targets the property
 * named by {@link #property()} of the class's schema (for inherited fields and the spec of a kind), or the
 * class's schema itself when the property is empty.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
@Repeatable(SchemaMerges.class)
public @interface SchemaMerge {

  /** The JSON object to merge, usually one of the {@link SchemaFragments} constants. */
  String value();

  /** The property of the annotated class's schema to merge into (empty: the class schema); unused on fields. */
  String property() default "";
}
