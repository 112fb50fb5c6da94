package dev.codefactory.domain.adopt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

// covers feature-011/FR-001
class ThirdPartyCodeTest {

    @Test
    void installed_packages_and_build_output_are_not_the_projects_code() {
        assertTrue(ThirdPartyCode.contains("node_modules/express/lib/router.js"));
        assertTrue(ThirdPartyCode.contains("web/node_modules/@babel/core/package.json"));
        assertTrue(ThirdPartyCode.contains(".venv/lib/python3.12/site-packages/flask/app.py"));
        assertTrue(ThirdPartyCode.contains("app/__pycache__/views.cpython-312.pyc"));
    }

    @Test
    void the_projects_own_folders_and_files_named_like_them_are() {
        assertFalse(ThirdPartyCode.contains("src/main/java/org/acme/VendorController.java"));
        assertFalse(ThirdPartyCode.contains("app/routes/build.py"));
        assertFalse(ThirdPartyCode.contains("src/main/java/org/acme/build/BuildService.java"));
        assertFalse(ThirdPartyCode.contains("internal/vendor/client.go"));
        assertFalse(ThirdPartyCode.contains("node_modules"));
        assertFalse(ThirdPartyCode.contains("src/targets/list.ts"));
        assertFalse(ThirdPartyCode.contains("pom.xml"));
    }
}
