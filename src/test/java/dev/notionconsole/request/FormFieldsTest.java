package dev.notionconsole.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.notionconsole.notion.FormPart;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormFieldsTest {
    @Test
    void curlSpellingBecomesFileAndTextParts() {
        List<FormPart> parts = FormFields.parts(List.of(new NameValue("file", "@/data/scan.bin;type=image/png;filename=\"scan 1.png\""),
                new NameValue("part_number", "3")));
        FormPart.File f = (FormPart.File) parts.get(0);
        assertEquals(Path.of("/data/scan.bin"), f.path());
        assertEquals("image/png", f.contentType());
        assertEquals("scan 1.png", f.filename());
        assertEquals(new FormPart.Text("part_number", "3"), parts.get(1));
        FormPart.File guessed = (FormPart.File) FormFields.part(new NameValue("file", "@notes.md"));
        assertEquals("notes.md", guessed.filename());
        assertEquals("text/markdown", guessed.contentType());
        assertTrue(guessed.path().isAbsolute(), "relative to the working folder, as curl");
    }

    @Test
    void mistakesNameTheField() {
        IllegalArgumentException noPath = assertThrows(IllegalArgumentException.class, () -> FormFields.part(new NameValue("file", "@")));
        assertTrue(noPath.getMessage().contains("\"file\" names no file"), noPath.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> FormFields.part(new NameValue("file", "@a.txt;size=3")));
        assertTrue(bad.getMessage().contains("size=3"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FormFields.part(new NameValue(" ", "x")));
    }
}
