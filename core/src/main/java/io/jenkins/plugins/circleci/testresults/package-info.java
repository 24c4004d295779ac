/**
 * CircleCI's test results of a pipeline's counted jobs, read within budgets and written as JUnit XML, so that a
 * shell (the Jenkins plugin's optional JUnit recording) can hand them to a test report.
 */
package io.jenkins.plugins.circleci.testresults;
