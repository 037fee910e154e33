package dev.cartera.spring.ui;

import dev.cartera.core.Cartera;
import dev.cartera.core.access.AccessDeniedException;
import dev.cartera.core.alert.AlertService;
import dev.cartera.core.common.ConflictException;
import dev.cartera.core.common.CrmException;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.common.ValidationException;
import dev.cartera.core.spi.CurrentUser;
import dev.cartera.core.spi.TenantResolver;
import dev.cartera.spring.CarteraProperties;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every UI page needs (base path, branding, language) and the friendly, translated error pages:
 * a record of another tenant or outside the caller's scope is simply "not found"; nothing shows a
 * stack trace. Limited to the UI's own controllers.
 */
@ControllerAdvice(assignableTypes = CarteraUiController.class)
class CarteraUiControllerAdvice {
    private static final Logger log = LoggerFactory.getLogger(CarteraUiControllerAdvice.class);

    private final CarteraProperties properties;
    private final CarteraBrandingProvider branding;
    private final TenantResolver tenantResolver;
    private final CarteraMessages messages;
    private final CurrentUser currentUser;
    private final AlertService alerts;

    CarteraUiControllerAdvice(CarteraProperties properties, CarteraBrandingProvider branding,
            TenantResolver tenantResolver, CarteraMessages messages, CurrentUser currentUser, Cartera cartera) {
        this.currentUser = currentUser;
        this.alerts = cartera.alerts();
        this.properties = properties;
        this.branding = branding;
        this.tenantResolver = tenantResolver;
        this.messages = messages;
    }

    @ModelAttribute("base")
    String base() {
        String base = properties.web().basePath();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @ModelAttribute("branding")
    CarteraBranding branding() {
        return branding.branding(tenantResolver.currentTenant());
    }

    @ModelAttribute("username")
    String username() {
        return currentUser.username().orElse(null);
    }

    /** The bell's count on every page of a signed-in CRM user; nothing for anonymous pages or unknown users. */
    @ModelAttribute("alertCount")
    Long alertCount() {
        if (currentUser.username().isEmpty()) {
            return null;
        }
        try {
            return alerts.myCount();
        } catch (CrmException e) {
            return null;
        }
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return locale.getLanguage();
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return CarteraMessages.LANGUAGES;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(Exception e) {
        return page(HttpStatus.NOT_FOUND, "cartera.error.notFound.title", "cartera.error.notFound.text");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView accessDenied(AccessDeniedException e) {
        return page(HttpStatus.FORBIDDEN, "cartera.error.forbidden.title", textOf(e, "cartera.error.forbidden.text"));
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(HttpStatus.CONFLICT, "cartera.error.conflict.title", textOf(e, "cartera.error.conflict.text"));
    }

    @ExceptionHandler(ValidationException.class)
    ModelAndView invalid(ValidationException e) {
        String code = e.errors().isEmpty() ? null : e.errors().get(0).code();
        String key = code != null && messages.has("cartera.error." + code) ? "cartera.error." + code : "cartera.error.invalid";
        return page(HttpStatus.BAD_REQUEST, "cartera.error.badRequest.title", key);
    }

    /** A browser that went away (a closed tab's alert stream): nothing to answer, nothing worth logging. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("Client gone: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) throws Exception {
        if (e.getClass().getName().startsWith("org.springframework.security.")) {
            throw e; // the host's security filters turn these into its login or denied responses
        }
        if (e instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            return status.value() == 404
                    ? page(HttpStatus.NOT_FOUND, "cartera.error.notFound.title", "cartera.error.notFound.text")
                    : page(HttpStatus.valueOf(status.value()), "cartera.error.badRequest.title", "cartera.error.invalid");
        }
        log.error("Unexpected error in the Cartera UI", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "cartera.error.unexpected.title", "cartera.error.unexpected.text");
    }

    private String textOf(CrmException e, String fallback) {
        String key = "cartera.error." + e.code();
        return messages.has(key) ? key : fallback;
    }

    /** Exception handlers start from an empty model, so the shell's attributes are added here too. */
    private ModelAndView page(HttpStatus status, String titleKey, String textKey) {
        ModelAndView page = new ModelAndView("cartera/error");
        page.addObject("base", base());
        page.addObject("lang", LocaleContextHolder.getLocale().getLanguage());
        page.addObject("languages", languages());
        page.addObject("username", username());
        try {
            page.addObject("branding", branding());
        } catch (RuntimeException e) {
            page.addObject("branding", new CarteraBranding(properties.web().productName(), null, null, null, null, null));
        }
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("titleKey", titleKey);
        page.addObject("textKey", textKey);
        page.addObject("section", "error");
        return page;
    }
}
