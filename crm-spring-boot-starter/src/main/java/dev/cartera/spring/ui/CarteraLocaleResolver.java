package dev.cartera.spring.ui;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Wraps the host's {@link LocaleResolver}. Outside the UI's base path it only delegates. Inside it, the
 * user's explicit choice ({@code ?lang=ca}, then the {@code cartera-lang} cookie) wins; without one,
 * a host that configured its own resolver keeps deciding, and a host left with Boot's plain
 * Accept-Language default gets the UI's default language (Spanish), as a phone set to English in a
 * shop in Zaragoza should still open the CRM in Spanish.
 */
public final class CarteraLocaleResolver implements LocaleContextResolver {
    public static final String PARAM = "lang";
    public static final String COOKIE = "cartera-lang";

    private final LocaleResolver delegate;
    private final String basePath;
    private final Locale defaultLocale;
    private final boolean hostDecides;

    /**
     * @param hostLocaleConfigured whether the host set {@code spring.web.locale}, which Boot gives its
     *        Accept-Language resolver as default locale: then the host decides, as with its own resolver
     */
    public CarteraLocaleResolver(LocaleResolver delegate, String basePath, Locale defaultLocale, boolean hostLocaleConfigured) {
        this.delegate = delegate;
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.defaultLocale = defaultLocale;
        this.hostDecides = hostLocaleConfigured || !isBootDefault(delegate);
    }

    public LocaleResolver delegate() {
        return delegate;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (!inUi(request)) {
            return delegate.resolveLocale(request);
        }
        Locale chosen = chosen(request);
        if (chosen != null) {
            return chosen;
        }
        return hostDecides ? delegate.resolveLocale(request) : defaultLocale;
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        if (!inUi(request)) {
            return delegate instanceof LocaleContextResolver contextResolver
                    ? contextResolver.resolveLocaleContext(request)
                    : () -> delegate.resolveLocale(request);
        }
        TimeZone zone = null;
        if (delegate instanceof LocaleContextResolver contextResolver
                && contextResolver.resolveLocaleContext(request) instanceof TimeZoneAwareLocaleContext aware) {
            zone = aware.getTimeZone();
        }
        return new SimpleTimeZoneAwareLocaleContext(resolveLocale(request), zone);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (inUi(request)) {
            remember(request, response, locale);
        } else {
            delegate.setLocale(request, response, locale);
        }
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext localeContext) {
        Locale locale = localeContext == null ? null : localeContext.getLocale();
        if (inUi(request)) {
            remember(request, response, locale);
        } else if (delegate instanceof LocaleContextResolver contextResolver) {
            contextResolver.setLocaleContext(request, response, localeContext);
        } else {
            delegate.setLocale(request, response, locale);
        }
    }

    /** Stores the language for a year on the UI's path; a null or unsupported locale clears it. */
    void remember(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String language = locale == null ? null : supported(locale.getLanguage());
        Cookie cookie = new Cookie(COOKIE, language == null ? "" : language);
        cookie.setPath(request.getContextPath() + basePath);
        cookie.setMaxAge(language == null ? 0 : 365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    boolean inUi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(basePath) || path.startsWith(basePath + "/");
    }

    static Locale chosen(HttpServletRequest request) {
        String language = supported(request.getParameter(PARAM));
        if (language == null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    language = supported(cookie.getValue());
                }
            }
        }
        return language == null ? null : Locale.forLanguageTag(language);
    }

    static String supported(String language) {
        if (language == null) {
            return null;
        }
        String candidate = language.strip().toLowerCase(Locale.ROOT);
        return CarteraMessages.LANGUAGES.contains(candidate) ? candidate : null;
    }

    /** Boot's fallback when the host configured nothing: Accept-Language with no supported list. */
    private static boolean isBootDefault(LocaleResolver resolver) {
        return resolver.getClass() == AcceptHeaderLocaleResolver.class
                && ((AcceptHeaderLocaleResolver) resolver).getSupportedLocales().isEmpty();
    }
}
