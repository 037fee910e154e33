package dev.cartera.core.persistence;

import dev.cartera.core.common.Page;
import dev.cartera.core.common.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A list query over one entity: fixed JPQL fragments written by Cartera, values always bound as
 * parameters. User input never becomes part of the query text.
 */
public final class SearchQuery<E> {
    private final Class<E> type;
    private final String alias;
    private final List<String> predicates = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public SearchQuery(Class<E> type, String alias, String scopePredicate) {
        this.type = type;
        this.alias = alias;
        predicates.add(scopePredicate);
    }

    /** Case-insensitive "contains" over any of the paths. */
    public SearchQuery<E> text(String text, String... paths) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String name = parameter("%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%");
        List<String> ors = new ArrayList<>();
        for (String path : paths) {
            ors.add("lower(" + path + ") like :" + name + " escape '\\'");
        }
        predicates.add("(" + String.join(" or ", ors) + ")");
        return this;
    }

    public SearchQuery<E> equal(String path, Object value) {
        if (value != null) {
            predicates.add(path + " = :" + parameter(value));
        }
        return this;
    }

    /** A fixed predicate whose {@code ?} placeholders are bound, in order, to the values. */
    public SearchQuery<E> where(String predicate, Object... values) {
        StringBuilder jpql = new StringBuilder();
        int next = 0;
        for (char c : predicate.toCharArray()) {
            if (c == '?') {
                jpql.append(':').append(parameter(values[next++]));
            } else {
                jpql.append(c);
            }
        }
        if (next != values.length) {
            throw new IllegalArgumentException("placeholders and values differ in number: " + predicate);
        }
        predicates.add(jpql.toString());
        return this;
    }

    public Page<E> page(EntityManager em, ScopeFilter scope, String orderBy, PageRequest page) {
        String where = " where " + String.join(" and ", predicates);
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ") from " + type.getSimpleName() + " " + alias + where, Long.class);
        TypedQuery<E> select = em.createQuery("select " + alias + " from " + type.getSimpleName() + " " + alias + where
                + " order by " + orderBy, type);
        bind(scope.bind(count));
        bind(scope.bind(select));
        long total = count.getSingleResult();
        List<E> items = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    public List<E> list(EntityManager em, ScopeFilter scope, String orderBy, int limit) {
        String where = " where " + String.join(" and ", predicates);
        TypedQuery<E> select = em.createQuery("select " + alias + " from " + type.getSimpleName() + " " + alias + where
                + " order by " + orderBy, type);
        bind(scope.bind(select));
        return select.setMaxResults(limit).getResultList();
    }

    private void bind(jakarta.persistence.Query query) {
        parameters.forEach(query::setParameter);
    }

    private String parameter(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return name;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
