/**
 * The artifacts of a pipeline's counted jobs, listed after the wait has ended when asked for: where each one is and
 * its download link. Listing never changes the outcome; it is bounded in requests, items and time; a part that cannot
 * be read becomes one warning line.
 */
package io.jenkins.plugins.circleci.artifacts;
