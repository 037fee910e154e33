package dev.cartera.demo.seed;

import dev.cartera.core.dedupe.TaxId;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Believable Spanish names, places, phones and tax ids from a seeded {@link Random}: the same seed
 * always gives the same firm. Tax ids carry correct control characters and are never repeated.
 */
final class SpanishData {

    /** A town with its province, a postcode range, its landline prefixes and CIF province codes. */
    record Place(String city, String province, int postcodeFrom, int postcodeTo, List<String> landlines,
            List<String> cifCodes, List<String> streets) {
    }

    record Person(String firstName, String lastName) {
        String fullName() {
            return firstName + " " + lastName;
        }
    }

    record Address(Place place, String street, String postcode) {
    }

    private static final List<String> VALENCIA_PHONES = List.of("960", "961", "962", "963");
    private static final List<String> MADRID_PHONES = List.of("910", "911", "913", "914", "915", "916", "917");
    private static final List<String> BARCELONA_PHONES = List.of("931", "932", "933", "934", "935", "936");

    private static final Place VALENCIA = new Place("Valencia", "Valencia", 46001, 46026, VALENCIA_PHONES, List.of("46", "96", "97", "98"),
            List.of("Calle de Colón", "Avenida del Puerto", "Calle de Sueca", "Gran Vía Marqués del Turia", "Calle de Cuba",
                    "Avenida de Blasco Ibáñez", "Calle de la Reina", "Plaza del Mercado", "Calle de Caballeros",
                    "Avenida de Aragón", "Calle de Sagunto", "Calle del Doctor Sumsi", "Avenida del Cid", "Calle de Jesús"));

    /** The firm sells mostly at home: Valencia city is listed three times to weigh it. */
    static final List<Place> LEVANTE_AND_CAPITALS = List.of(VALENCIA, VALENCIA, VALENCIA,
            new Place("Torrent", "Valencia", 46900, 46902, VALENCIA_PHONES, List.of("46", "96"),
                    List.of("Avenida al Vedat", "Calle de Ramón y Cajal", "Plaza Mayor")),
            new Place("Gandia", "Valencia", 46700, 46702, VALENCIA_PHONES, List.of("46", "97"),
                    List.of("Passeig de les Germanies", "Paseo Marítimo Neptuno", "Calle Mayor")),
            new Place("Sagunto", "Valencia", 46500, 46500, VALENCIA_PHONES, List.of("46", "98"),
                    List.of("Avenida del País Valencià", "Calle de los Huertos")),
            new Place("Alicante", "Alicante", 3001, 3016, List.of("965", "966"), List.of("03", "53", "54"),
                    List.of("Explanada de España", "Avenida de Maisonnave", "Calle de San Fernando", "Rambla de Méndez Núñez")),
            new Place("Elche", "Alicante", 3201, 3208, List.of("965", "966"), List.of("03", "53"),
                    List.of("Calle Corredora", "Avenida de la Libertad")),
            new Place("Castellón de la Plana", "Castellón", 12001, 12006, List.of("964"), List.of("12"),
                    List.of("Calle de Enmedio", "Avenida del Rey Don Jaime", "Paseo de Buenavista")),
            new Place("Madrid", "Madrid", 28001, 28050, MADRID_PHONES, List.of("28", "80", "85", "86", "87"),
                    List.of("Calle de Alcalá", "Calle de Serrano", "Calle de Bravo Murillo", "Paseo de las Delicias",
                            "Calle de Embajadores", "Calle de Fuencarral", "Calle de Ponzano", "Calle de Atocha")),
            new Place("Getafe", "Madrid", 28901, 28909, MADRID_PHONES, List.of("28", "86"),
                    List.of("Calle Madrid", "Avenida de los Ángeles")),
            new Place("Alcalá de Henares", "Madrid", 28801, 28807, MADRID_PHONES, List.of("28", "85"),
                    List.of("Calle Mayor", "Vía Complutense")),
            new Place("Barcelona", "Barcelona", 8001, 8042, BARCELONA_PHONES, List.of("08", "58", "60", "61", "62", "63", "64", "65", "66"),
                    List.of("Carrer de Sants", "Carrer de Balmes", "Passeig de Gràcia", "Carrer de Mallorca",
                            "Carrer del Consell de Cent", "Rambla del Poblenou", "Carrer de Còrsega", "Via Augusta")),
            new Place("L'Hospitalet de Llobregat", "Barcelona", 8901, 8908, BARCELONA_PHONES, List.of("08", "65"),
                    List.of("Rambla de la Marina", "Carrer de Barcelona")),
            new Place("Badalona", "Barcelona", 8911, 8918, BARCELONA_PHONES, List.of("08", "66"),
                    List.of("Carrer del Mar", "Avinguda de Martí Pujol")));

    static final List<Place> BIZKAIA = List.of(
            new Place("Bilbao", "Bizkaia", 48001, 48015, List.of("944", "946"), List.of("48", "95"),
                    List.of("Gran Vía de Don Diego López de Haro", "Calle de Licenciado Poza", "Calle de Iparraguirre",
                            "Alameda de Urquijo")),
            new Place("Barakaldo", "Bizkaia", 48901, 48903, List.of("944", "946"), List.of("48"), List.of("Avenida de la Libertad", "Calle Zaballa")),
            new Place("Getxo", "Bizkaia", 48990, 48993, List.of("944", "946"), List.of("48", "95"), List.of("Calle Amistad", "Avenida Basagoiti")));

    private static final List<String> FIRST_NAMES = List.of("Amparo", "Vicent", "Josefa", "Salvador", "Carmen", "Pablo",
            "Rosa", "Joan", "María José", "Enrique", "Pilar", "Francisco", "Laura", "Sergio", "Nuria", "Raúl", "Elena",
            "Jordi", "Montse", "Alberto", "Cristina", "David", "Teresa", "Manuel", "Silvia", "Álvaro", "Inmaculada",
            "Toni", "Eva", "Miguel Ángel", "Beatriz", "Xavier", "Lorena", "Rafael", "Marina", "Óscar", "Irene", "Jaume",
            "Noelia", "Héctor");
    private static final List<String> SURNAMES = List.of("García", "Martínez", "López", "Sánchez", "Pérez", "Gómez",
            "Navarro", "Ferrer", "Soler", "Vidal", "Martí", "Puig", "Llorens", "Ribes", "Monzó", "Climent", "Alcañiz",
            "Esteve", "Boix", "Calatayud", "Roig", "Fuster", "Moreno", "Jiménez", "Ruiz", "Díaz", "Romero", "Torres",
            "Serra", "Vila", "Ortiz", "Castillo", "Giménez", "Peris", "Cano", "Mas", "Sanchis", "Domínguez", "Vicente",
            "Albert");
    private static final List<String> BASQUE_FIRST = List.of("Aitor", "Nerea", "Iker", "Amaia", "Jon", "Leire", "Unai", "Ainhoa");
    private static final List<String> BASQUE_SURNAMES = List.of("Etxeberria", "Urrutia", "Agirre", "Zubizarreta",
            "Larrañaga", "Goikoetxea", "Arrieta", "Olabarria");

    private final Random random;
    private final Set<String> usedTaxIds = new HashSet<>();
    private final Set<String> usedPhones = new HashSet<>();

    SpanishData(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int between(int from, int toInclusive) {
        return from + random.nextInt(toInclusive - from + 1);
    }

    Person person() {
        return new Person(pick(FIRST_NAMES), pick(SURNAMES) + " " + pick(SURNAMES));
    }

    Person basquePerson() {
        return new Person(pick(BASQUE_FIRST), pick(BASQUE_SURNAMES) + " " + pick(BASQUE_SURNAMES));
    }

    Address address(List<Place> places) {
        Place place = pick(places);
        String postcode = String.format(Locale.ROOT, "%05d", between(place.postcodeFrom(), place.postcodeTo()));
        return new Address(place, pick(place.streets()) + ", " + between(1, 140), postcode);
    }

    /** A company tax id: B (S.L.) or A (S.A.), the province code of the place, a correct control digit. */
    String cif(Place place, boolean sociedadAnonima) {
        while (true) {
            String digits = pick(place.cifCodes()) + String.format(Locale.ROOT, "%05d", random.nextInt(100_000));
            String value = (sociedadAnonima ? "A" : "B") + digits + TaxId.cifControlDigit(digits);
            if (usedTaxIds.add(value)) {
                return value;
            }
        }
    }

    /** A self-employed person's NIF (DNI number and letter). */
    String dni() {
        while (true) {
            long number = 10_000_000L + random.nextInt(80_000_000);
            String value = number + String.valueOf(TaxId.dniLetter(number));
            if (usedTaxIds.add(value)) {
                return value;
            }
        }
    }

    /** A foreign resident's NIE: X or Y, seven digits and the letter of the whole number. */
    String nie() {
        while (true) {
            int prefix = random.nextInt(2);
            int digits = random.nextInt(10_000_000);
            String body = String.format(Locale.ROOT, "%07d", digits);
            String value = "XY".charAt(prefix) + body + TaxId.dniLetter(Long.parseLong(prefix + body));
            if (usedTaxIds.add(value)) {
                return value;
            }
        }
    }

    String mobile() {
        return unique(() -> String.format(Locale.ROOT, "+34 6%02d %03d %03d", random.nextInt(100), random.nextInt(1000), random.nextInt(1000)));
    }

    String landline(Place place) {
        String prefix = pick(place.landlines());
        return unique(() -> String.format(Locale.ROOT, "+34 %s %03d %03d", prefix, random.nextInt(1000), random.nextInt(1000)));
    }

    private String unique(java.util.function.Supplier<String> phone) {
        while (true) {
            String value = phone.get();
            if (usedPhones.add(value)) {
                return value;
            }
        }
    }

    /** Lower-case ASCII for e-mail addresses and web domains: "Arrocería L'Estany" → "arrocerialestany". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    String email(Person person, String domain) {
        String first = slug(person.firstName());
        String last = slug(person.lastName().split(" ")[0]);
        return switch (random.nextInt(3)) {
            case 0 -> first + "@" + domain;
            case 1 -> first + "." + last + "@" + domain;
            default -> first.charAt(0) + last + "@" + domain;
        };
    }
}
