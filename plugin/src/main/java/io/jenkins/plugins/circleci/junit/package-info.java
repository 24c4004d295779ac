/**
 * The optional JUnit plugin: CircleCI's test results recorded as the build's test result. Only
 * {@link io.jenkins.plugins.circleci.junit.JUnitRecording} may be loaded without the JUnit plugin; it checks that the
 * plugin's classes are there before it touches {@link io.jenkins.plugins.circleci.junit.JUnitResults}, the one class
 * that uses them.
 */
package io.jenkins.plugins.circleci.junit;
