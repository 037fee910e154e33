package dev.cartera.spring.ui;

import dev.cartera.core.Cartera;
import dev.cartera.core.common.NotFoundException;
import dev.cartera.core.document.CustomerUpload;
import dev.cartera.core.document.DocumentRejectedException;
import dev.cartera.core.document.DocumentView;
import dev.cartera.spring.CarteraProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a customer opens from an upload link (KD-7), without signing in: the firm's branding,
 * whose card the files go to and until when, one or several files, a thank-you page. A host's
 * security must let {@code <base>/public/**} through. Unknown, tampered, expired, revoked and
 * used-up links all get the same friendly "link not valid" page, with status 404.
 */
@Controller
@RequestMapping("${cartera.web.base-path:/crm}/public/upload/{token}")
class CustomerUploadPageController implements CarteraUiController {
    private final Cartera cartera;
    private final CarteraBrandingProvider branding;
    private final CarteraProperties properties;
    private final CarteraMessages messages;
    private final CarteraUiFormat format;

    CustomerUploadPageController(Cartera cartera, CarteraBrandingProvider branding, CarteraProperties properties,
            CarteraMessages messages, CarteraUiFormat format) {
        this.cartera = cartera;
        this.branding = branding;
        this.properties = properties;
        this.messages = messages;
        this.format = format;
    }

    @GetMapping
    ModelAndView page(@PathVariable String token) {
        return open(token).map(upload -> form(token, upload, List.of(), List.of())).orElseGet(this::invalid);
    }

    @PostMapping
    ModelAndView upload(@PathVariable String token, @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        Optional<CustomerUpload> link = open(token);
        if (link.isEmpty()) {
            return invalid();
        }
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()).toList();
        if (chosen.isEmpty()) {
            return form(token, link.get(), List.of(), List.of(messages.get("cartera.upload.none", LocaleContextHolder.getLocale())));
        }
        List<String> stored = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (MultipartFile file : chosen) {
            try (InputStream content = file.getInputStream()) {
                DocumentView document = cartera.customerUploads().upload(token, file.getOriginalFilename(), content);
                stored.add(document.name());
            } catch (DocumentRejectedException e) {
                errors.add(messages.get("cartera.upload.rejected", LocaleContextHolder.getLocale(), file.getOriginalFilename(),
                        rejection(e)));
            } catch (NotFoundException e) {
                errors.add(messages.get("cartera.upload.linkUsedUp", LocaleContextHolder.getLocale(), file.getOriginalFilename()));
            } catch (IOException e) {
                throw new UncheckedIOException("upload unreadable", e);
            }
        }
        if (errors.isEmpty()) {
            ModelAndView thanks = shell("cartera/upload-done", link.get().tenantId());
            thanks.addObject("upload", link.get());
            thanks.addObject("stored", stored);
            return thanks;
        }
        return open(token).map(upload -> form(token, upload, stored, errors)).orElseGet(() -> {
            ModelAndView partly = shell("cartera/upload-done", link.get().tenantId());
            partly.addObject("upload", link.get());
            partly.addObject("stored", stored);
            partly.addObject("errors", errors);
            return partly;
        });
    }

    private Optional<CustomerUpload> open(String token) {
        return token == null || token.length() > 512 ? Optional.empty() : cartera.customerUploads().open(token);
    }

    private ModelAndView form(String token, CustomerUpload upload, List<String> stored, List<String> errors) {
        ModelAndView page = shell("cartera/upload", upload.tenantId());
        page.addObject("token", token);
        page.addObject("upload", upload);
        page.addObject("stored", stored);
        page.addObject("errors", errors);
        page.addObject("maxSize", format.bytes(properties.documents().maxSize().toBytes()));
        if (!errors.isEmpty()) {
            page.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return page;
    }

    private ModelAndView invalid() {
        ModelAndView page = shell("cartera/upload-invalid", null);
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    /** The firm's branding comes from the link's tenant, never from whoever happens to be signed in. */
    private ModelAndView shell(String view, String tenantId) {
        ModelAndView page = new ModelAndView(view);
        CarteraBranding brand = null;
        if (tenantId != null) {
            try {
                brand = branding.branding(tenantId);
            } catch (RuntimeException e) {
                brand = null;
            }
        }
        page.addObject("branding", brand != null ? brand : new CarteraBranding(properties.web().productName(), null, null, null, null, null));
        page.addObject("section", "upload");
        return page;
    }

    private String rejection(DocumentRejectedException e) {
        String key = "cartera.error." + e.code();
        Object argument = e.arguments().isEmpty() ? "" : e.arguments().get(0);
        if (argument instanceof Number size) {
            argument = format.bytes(size.longValue());
        }
        return messages.has(key) ? messages.get(key, LocaleContextHolder.getLocale(), argument)
                : messages.get("cartera.error.invalid", LocaleContextHolder.getLocale());
    }
}
