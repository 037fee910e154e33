package dev.cartera.spring.api.support;

import dev.cartera.core.common.Page;
import java.util.List;

/** One page of a list as the API returns it. */
public record ApiPage<T>(List<T> items, int page, int size, long total, int totalPages) {

    public static <T> ApiPage<T> of(Page<T> page) {
        return new ApiPage<>(page.items(), page.page(), page.size(), page.total(), page.totalPages());
    }
}
