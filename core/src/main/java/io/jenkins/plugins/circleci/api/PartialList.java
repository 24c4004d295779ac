package io.jenkins.plugins.circleci.api;

import java.util.List;

/**
 * The first pages of a list that may be long: what was read, and whether that was all of it. Reads that must stay
 * cheap whatever CircleCI holds (a job with 5,000 test results) stop after a few pages instead of following
 * {@code next_page_token} to the end.
 *
 * @param items    the items of the pages read, in CircleCI's order
 * @param complete whether CircleCI said there was nothing more
 * @param pages    how many pages (requests) it took
 */
public record PartialList<T>(List<T> items, boolean complete, int pages) {
    public PartialList {
        items = List.copyOf(items);
    }
}
