package dev.cartera.spring.ui;

import dev.cartera.spring.CarteraProperties;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the UI's stylesheet, script and webjars under {@code <base>/assets/}, so they sit behind
 * the same security rule as the pages and work whatever the host does with {@code /webjars/**}.
 * Webjar URLs are versionless ({@code htmx.org/dist/htmx.min.js}) through webjars-locator-lite.
 */
class CarteraUiWebConfigurer implements WebMvcConfigurer {
    private final String base;

    CarteraUiWebConfigurer(CarteraProperties properties) {
        String path = properties.web().basePath();
        this.base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl cache = CacheControl.maxAge(Duration.ofDays(7)).cachePublic();
        registry.addResourceHandler(base + "/assets/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(cache)
                .resourceChain(true);
        registry.addResourceHandler(base + "/assets/**")
                .addResourceLocations("classpath:/static/cartera/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CarteraLanguageInterceptor()).addPathPatterns(base, base + "/**");
    }
}
