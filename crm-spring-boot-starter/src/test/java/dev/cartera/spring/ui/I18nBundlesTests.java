package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Spanish, Catalan and English bundles in step and the templates free of hard-coded text,
 * in the spirit of PetClinic's {@code I18nPropertiesSyncTest}.
 */
class I18nBundlesTests {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/cartera");
    private static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*)<");
    private static final Pattern LITERAL_ATTRIBUTE = Pattern.compile("\\s(placeholder|title|alt|aria-label|value|content)=\"([^\"]*)\"");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[}(]");
    private static final Pattern QUOTED_KEY = Pattern.compile("'(cartera\\.[a-zA-Z0-9.\\-]+)'");

    @Test
    void spanishCatalanAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> spanish = bundle("messages.properties").stringPropertyNames();

        assertThat(bundle("messages_ca.properties").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(spanish);
        assertThat(bundle("messages_en.properties").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(spanish);
    }

    @Test
    void noMessageIsEmptyOrUsesAnAsciiApostrophe() throws IOException {
        for (String file : List.of("messages.properties", "messages_ca.properties", "messages_en.properties")) {
            Properties messages = bundle(file);
            for (String key : messages.stringPropertyNames()) {
                assertThat(messages.getProperty(key)).as("%s in %s", key, file).isNotBlank().doesNotContain("'");
            }
        }
    }

    @Test
    void everyMessageKeyUsedInATemplateExists() throws IOException {
        Set<String> known = bundle("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            String html = Files.readString(template);
            for (Pattern pattern : List.of(MESSAGE_KEY, QUOTED_KEY)) {
                Matcher m = pattern.matcher(html);
                while (m.find()) {
                    String key = m.group(1);
                    boolean prefix = key.endsWith(".");
                    if (prefix ? known.stream().noneMatch(k -> k.startsWith(key)) : !known.contains(key)) {
                        missing.add(template.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedUserVisibleText() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template)
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<style.*?</style>", "<style></style>")
                    .replaceAll("(?s)<script.*?</script>", "<script></script>");
            Matcher text = TEXT_NODE.matcher(html);
            while (text.find()) {
                if (text.group(1).codePoints().anyMatch(Character::isLetter)) {
                    offences.add(template.getFileName() + ": text \"" + text.group(1).strip() + "\"");
                }
            }
            Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                String name = attribute.group(1);
                String value = attribute.group(2);
                boolean technical = name.equals("content") || name.equals("value") && value.matches("[A-Z_]+|true|");
                if (!technical && value.codePoints().anyMatch(Character::isLetter)) {
                    offences.add(template.getFileName() + ": " + name + "=\"" + value + "\"");
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theCheckCatchesHardCodedText() {
        Matcher text = TEXT_NODE.matcher("<p class=\"muted\">Sin contactos</p>");
        assertThat(text.find()).isTrue();
        assertThat(text.group(1)).isEqualTo("Sin contactos");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nBundlesTests.class.getResourceAsStream("/cartera/" + name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
