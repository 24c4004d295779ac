package io.jenkins.plugins.circleci.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /me}: who the token belongs to ("Test connection"). */
public record User(
        @JsonProperty("id") String id,
        @JsonProperty("login") String login,
        @JsonProperty("name") String name,
        @JsonProperty("avatar_url") String avatarUrl) {}
