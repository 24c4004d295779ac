package io.jenkins.plugins.circleci.api.http;

import com.fasterxml.jackson.databind.JavaType;
import io.jenkins.plugins.circleci.api.PartialList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads at most a given number of pages of a list, each an ordinary call of the transport (token, shared budget,
 * retries per its policy), and says whether the list ended there.
 */
public final class PageReader {
    private PageReader() {}

    public static <T> PartialList<T> firstPages(ApiTransport transport, ApiCall call, Class<T> itemType,
            int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1: " + maxPages);
        }
        JavaType pageType = Json.MAPPER.getTypeFactory().constructParametricType(Page.class, itemType);
        List<T> items = new ArrayList<>();
        Set<String> seenTokens = new HashSet<>();
        ApiCall page = call;
        for (int pages = 1; ; pages++) {
            Page<T> result = transport.execute(page, (status, body) -> read(body, pageType));
            items.addAll(result.items());
            String next = result.nextPageToken();
            if (next == null || next.isBlank()) {
                return new PartialList<>(items, true, pages);
            }
            // A token seen before would page in circles: stop there, as when the page budget is spent.
            if (pages >= maxPages || !seenTokens.add(next)) {
                return new PartialList<>(items, false, pages);
            }
            page = call.withQuery("page-token", next);
        }
    }

    private static <T> Page<T> read(String body, JavaType pageType) throws IOException {
        Page<T> page = Json.MAPPER.readValue(body, pageType);
        if (page == null || page.items() == null) {
            throw new IOException("no 'items' in the page");
        }
        if (page.items().stream().anyMatch(Objects::isNull)) {
            throw new IOException("a null item in 'items'");
        }
        return page;
    }
}
