package dev.cartera.spring.ui;

import dev.cartera.core.common.Page;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** A pager under a list: "21–40 of 57" and the links to the previous and next page, filters kept. */
public record PageLinks(long from, long to, long total, String previousUrl, String nextUrl) {

    static PageLinks of(Page<?> page, String path, Map<String, ?> filters) {
        long from = page.total() == 0 ? 0 : (long) page.page() * page.size() + 1;
        long to = (long) page.page() * page.size() + page.items().size();
        String previous = page.page() > 0 ? url(path, filters, page.page() - 1) : null;
        String next = page.hasNext() ? url(path, filters, page.page() + 1) : null;
        return new PageLinks(from, to, page.total(), previous, next);
    }

    private static String url(String path, Map<String, ?> filters, int page) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        filters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                builder.queryParam(name, value);
            }
        });
        if (page > 0) {
            builder.queryParam("page", page);
        }
        return builder.encode().build().toUriString();
    }
}
