package dev.cartera.spring.api.support;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Answers every path under the API's base path that no endpoint claims, so API clients get a problem
 * (404, or 405 when the path exists for other methods) instead of the host's HTML error page.
 */
@RestController
public class ApiFallbackController {
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    public ApiFallbackController(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/**")
    ResponseEntity<ProblemDetail> unknownRoute(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        Set<String> allowed = methodsMappedFor(request);
        if (!allowed.isEmpty()) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
        }
        return ApiProblems.problem(HttpStatus.NOT_FOUND, "route.not-found", "There is no such endpoint in the Cartera API.");
    }

    private Set<String> methodsMappedFor(HttpServletRequest request) {
        Set<String> methods = new TreeSet<>();
        mappings.getObject().getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType() != ApiFallbackController.class && pathMatches(info, request)) {
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            }
        });
        return methods;
    }

    private static boolean pathMatches(RequestMappingInfo info, HttpServletRequest request) {
        return info.getPathPatternsCondition() != null
                && Objects.nonNull(info.getPathPatternsCondition().getMatchingCondition(request));
    }
}
