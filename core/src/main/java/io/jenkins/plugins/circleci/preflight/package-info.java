/**
 * Pre-flight check of pipeline parameters: before a trigger, the parameters to be sent are compared with the
 * {@code parameters:} the project's config declares, read from the newest pipeline on the same branch, so that a
 * misspelt name or a value of the wrong type fails at once instead of spending a pipeline CircleCI errors
 * ("Unexpected argument(s)", "Type error for argument"). Whatever keeps the config from being read is a note, never
 * a failure: the check must not stop a trigger CircleCI would have accepted.
 */
package io.jenkins.plugins.circleci.preflight;
