package dev.codefactory.adapter.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codefactory.domain.adopt.FileFacts;
import dev.codefactory.domain.adopt.Surface;
import dev.codefactory.domain.adopt.SurfaceKind;
import dev.codefactory.domain.adopt.TestCase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The survey on a trimmed copy of spring-petclinic (Apache-2.0, its LICENSE.txt kept beside it). */
class PetclinicSurveyTest {

    private static final String MAIN = "src/main/java/org/springframework/samples/petclinic/";
    private static final String TESTS = "src/test/java/org/springframework/samples/petclinic/";

    private final JavaParserSurvey survey = new JavaParserSurvey();

    private FileFacts read(String path) throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(getClass().getResource("/fixtures/spring-petclinic/LICENSE.txt"))
                .toURI()).getParent();
        String text = Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        return survey.survey(path, "Java", text, path.startsWith("src/test/"));
    }

    private static List<String> shown(FileFacts facts, SurfaceKind kind) {
        return facts.surfaces().stream().filter(s -> s.kind() == kind)
                .map(s -> s.name() + " @" + s.at().line() + " " + s.detail()).collect(Collectors.toList());
    }

    // covers feature-011/FR-002
    @Test
    void finds_the_routes_of_the_owner_controller_with_their_lines_and_handlers() throws Exception {
        FileFacts facts = read(MAIN + "owner/OwnerController.java");

        assertEquals(List.of(
                "GET /owners/new @72 OwnerController.initCreationForm",
                "POST /owners/new @77 OwnerController.processCreationForm",
                "GET /owners/find @89 OwnerController.initFindForm",
                "GET /owners @94 OwnerController.processFindForm",
                "GET /owners/{ownerId}/edit @136 OwnerController.initUpdateOwnerForm",
                "POST /owners/{ownerId}/edit @141 OwnerController.processUpdateOwnerForm",
                "GET /owners/{ownerId} @166 OwnerController.showOwner"), shown(facts, SurfaceKind.ROUTE));
        assertEquals("org.springframework.samples.petclinic.owner", facts.unit());
        assertTrue(facts.imports().contains("org.springframework.web.bind.annotation.GetMapping"), facts.imports()::toString);
        assertEquals(List.of(), shown(facts, SurfaceKind.PUBLIC_TYPE), "OwnerController is package-private");
        assertFalse(facts.test());
    }

    // covers feature-011/FR-002
    @Test
    void joins_the_class_request_mapping_to_each_method_path() throws Exception {
        assertEquals(List.of(
                "GET /owners/{ownerId}/pets/new @98 PetController.initCreationForm",
                "POST /owners/{ownerId}/pets/new @105 PetController.processCreationForm",
                "GET /owners/{ownerId}/pets/{petId}/edit @128 PetController.initUpdateForm",
                "POST /owners/{ownerId}/pets/{petId}/edit @133 PetController.processUpdateForm"),
                shown(read(MAIN + "owner/PetController.java"), SurfaceKind.ROUTE));
    }

    // covers feature-011/FR-002
    @Test
    void reads_a_path_given_as_an_array() throws Exception {
        assertEquals(List.of(
                "GET /vets.html @44 VetController.showVetList",
                "GET /vets @69 VetController.showResourcesVetList"),
                shown(read(MAIN + "vet/VetController.java"), SurfaceKind.ROUTE));
    }

    // covers feature-011/FR-002
    @Test
    void the_spring_boot_application_is_one_entry_point_not_two() throws Exception {
        FileFacts facts = read(MAIN + "PetClinicApplication.java");

        assertEquals(List.of("PetClinicApplication @28 spring-boot"), shown(facts, SurfaceKind.ENTRY_POINT));
        assertEquals(List.of("PetClinicApplication @30 class"), shown(facts, SurfaceKind.PUBLIC_TYPE));
    }

    // covers feature-011/FR-002
    @Test
    void finds_entities_with_their_tables_and_mapped_superclasses() throws Exception {
        assertEquals(List.of("Owner @47 owners"), shown(read(MAIN + "owner/Owner.java"), SurfaceKind.ENTITY));
        assertEquals(List.of("Vet @43 vets"), shown(read(MAIN + "vet/Vet.java"), SurfaceKind.ENTITY));
        assertEquals(List.of("BaseEntity @32 mapped-superclass"),
                shown(read(MAIN + "model/BaseEntity.java"), SurfaceKind.ENTITY));
        assertEquals(List.of("Person @27 mapped-superclass"), shown(read(MAIN + "model/Person.java"), SurfaceKind.ENTITY));
        assertEquals(List.of(), shown(read(MAIN + "vet/Vets.java"), SurfaceKind.ENTITY));
    }

    // covers feature-011/FR-002
    @Test
    void lists_the_public_types_of_a_package_with_their_kinds() throws Exception {
        assertEquals(List.of("OwnerRepository @36 interface"),
                shown(read(MAIN + "owner/OwnerRepository.java"), SurfaceKind.PUBLIC_TYPE));
        assertEquals(List.of("Vets @31 class"), shown(read(MAIN + "vet/Vets.java"), SurfaceKind.PUBLIC_TYPE));
    }

    // covers feature-011/FR-004
    @Test
    void names_the_tests_of_a_test_file_and_ties_it_to_the_controller_it_tests() throws Exception {
        FileFacts facts = read(TESTS + "owner/OwnerControllerTests.java");

        assertTrue(facts.test());
        assertEquals(List.of("initCreationForm @104", "processCreationFormSuccess @112",
                "processCreationFormHasErrors @123", "initFindForm @134", "processFindFormSuccess @142",
                "processFindFormByLastName @149", "processFindFormNoOwnersFound @158", "initUpdateOwnerForm @170",
                "processUpdateOwnerFormSuccess @183", "processUpdateOwnerFormUnchangedSuccess @195",
                "processUpdateOwnerFormHasErrors @202", "showOwner @216", "processUpdateOwnerFormWithIdMismatch @231"),
                facts.tests().stream().map(t -> t.name() + " @" + t.at().line()).collect(Collectors.toList()));
        assertTrue(facts.imports().contains("org.springframework.samples.petclinic.owner.OwnerController"),
                "@WebMvcTest(OwnerController.class) in the same package ties the test to it: " + facts.imports());
        assertTrue(facts.imports().contains("org.springframework.test.web.servlet.result.MockMvcResultMatchers.*"),
                "a static wildcard import is kept as written");
        assertEquals(List.of(), shown(facts, SurfaceKind.PUBLIC_TYPE), "a test file has no public API");
    }

    // covers feature-011/FR-004
    @Test
    void a_data_jpa_test_names_its_ten_tests() throws Exception {
        FileFacts facts = read(TESTS + "service/ClinicServiceTests.java");
        List<String> names = facts.tests().stream().map(TestCase::name).collect(Collectors.toList());

        assertEquals(10, names.size(), names::toString);
        assertEquals("shouldFindOwnersByLastName", names.get(0));
        assertEquals(107, facts.tests().get(2).at().line(), "the line of @Test, above @Transactional");
        assertTrue(facts.imports().contains("org.springframework.samples.petclinic.owner.OwnerRepository"));
    }

    // covers feature-011/FR-004
    @Test
    void a_source_file_reports_no_tests_even_with_test_like_methods() throws Exception {
        FileFacts facts = read(MAIN + "vet/VetController.java");

        assertEquals(List.of(), facts.tests());
        assertTrue(facts.surfaces().stream().map(Surface::at).allMatch(at -> at.path().equals(MAIN + "vet/VetController.java")));
    }
}
