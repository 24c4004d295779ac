package org.jvnet.hudson.annotation_indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in of lib-annotation-indexer's Indexed: marks the annotations (such as {@code @Terminator}) whose uses are
 * listed at compile time, which is how Jenkins finds the methods carrying them. {@code validators()} is left out.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Indexed {}
