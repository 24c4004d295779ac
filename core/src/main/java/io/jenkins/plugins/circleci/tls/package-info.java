/**
 * Trust for a CircleCI server whose certificate comes from an internal certificate authority: the administrator's
 * PEM certificates, trusted for that server's client in addition to the JVM's default CAs (never instead of them,
 * never "trust all", host names always verified), and TLS failures told apart so their errors can say what to do.
 */
package io.jenkins.plugins.circleci.tls;
