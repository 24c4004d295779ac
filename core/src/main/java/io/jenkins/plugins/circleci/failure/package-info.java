/**
 * Why a pipeline failed, read after the wait has ended: its failed jobs, their failed tests and, on request, the last
 * lines of each one's failing step. Reading it never changes the outcome; it is bounded in requests, bytes and time;
 * a part that cannot be read becomes one warning line.
 */
package io.jenkins.plugins.circleci.failure;
