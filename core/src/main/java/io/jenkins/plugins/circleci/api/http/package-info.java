/**
 * The client's internals: HTTP exchange, retries, error translation, paging and JSON. Public only so that
 * {@link io.jenkins.plugins.circleci.api.CircleCiClient} can use them; not an API, and free to change.
 */
package io.jenkins.plugins.circleci.api.http;
