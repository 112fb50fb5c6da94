package dev.codefactory.domain.rescue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchDumpTest {
    @Test
    void dump() {
        for (String f : List.of("maven/mvn-test-failures.txt", "maven/mvn-q-color.txt", "maven/mvn-compile-error.txt",
                "maven/mvn-test-compile-error.txt", "pytest/pytest-collection-error.txt", "pytest/pytest-failures.txt",
                "pytest/pytest-q-color.txt", "go/go-compile-error.txt", "go/go-test-failures.txt", "go/go-test-panic.txt",
                "go/go-test-v.txt", "jest/jest-failures.txt", "jest/jest-suite-error-color.txt",
                "cargo/cargo-compile-error.txt", "cargo/cargo-test-backtrace.txt", "cargo/cargo-test-failures.txt")) {
            System.out.println("== " + f);
            BuildOutput.read(RescueFixtures.text(f), List.of()).forEach(x -> System.out.println("  " + x));
        }
        for (String f : List.of("maven/TEST-com.example.CartTest.xml", "pytest/pytest-junit.xml")) {
            System.out.println("== " + f);
            BuildOutput.read("", List.of(RescueFixtures.text(f))).forEach(x -> System.out.println("  " + x));
        }
        System.out.println("== both");
        BuildOutput.read(RescueFixtures.text("maven/mvn-test-failures.txt"), List.of(RescueFixtures.text("maven/TEST-com.example.CartTest.xml"))).forEach(x -> System.out.println("  " + x));
        BuildOutput.read(RescueFixtures.text("pytest/pytest-failures.txt"), List.of(RescueFixtures.text("pytest/pytest-junit.xml"))).forEach(x -> System.out.println("  " + x));
    }
}
