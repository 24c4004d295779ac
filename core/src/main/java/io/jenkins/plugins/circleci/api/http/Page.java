package io.jenkins.plugins.circleci.api.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page of a CircleCI list: {@code {"items": [...], "next_page_token": "..." | null}}. */
record Page<T>(@JsonProperty("items") List<T> items, @JsonProperty("next_page_token") String nextPageToken) {}
