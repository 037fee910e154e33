package dev.cartera.spring.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Remembers a {@code ?lang=} choice made on any UI page in the language cookie. */
final class CarteraLanguageInterceptor implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String language = CarteraLocaleResolver.supported(request.getParameter(CarteraLocaleResolver.PARAM));
        if (language != null && RequestContextUtils.getLocaleResolver(request) instanceof CarteraLocaleResolver resolver) {
            resolver.remember(request, response, java.util.Locale.forLanguageTag(language));
        }
        return true;
    }
}
