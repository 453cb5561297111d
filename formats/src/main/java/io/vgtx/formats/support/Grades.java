package io.vgtx.formats.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgtx.core.bank.Grade;
import io.vgtx.formats.FormatException;

import java.time.Instant;

/** A {@link Grade} as JSON, {@code {"scheme","grade","graded_by","graded_at"}}, in our JSON Lines and STIX custom property. */
public final class Grades {
    private Grades() {}

    public static ObjectNode toJson(Grade grade) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("scheme", grade.scheme()).put("grade", grade.grade());
        if (grade.gradedBy() != null) node.put("graded_by", grade.gradedBy());
        if (grade.gradedAt() != null) node.put("graded_at", grade.gradedAt().toString());
        return node;
    }

    public static Grade fromJson(JsonNode node, String location) throws FormatException {
        String scheme = Json.text(node.get("scheme"));
        String grade = Json.text(node.get("grade"));
        if (scheme == null || grade == null) throw new FormatException(location, "grades: each grade needs a scheme and a grade");
        String gradedAt = Json.text(node.get("graded_at"));
        Instant at = gradedAt == null ? null : Values.field(location, "grades.graded_at", () -> Values.instant(gradedAt));
        return new Grade(scheme, grade, Json.text(node.get("graded_by")), at);
    }
}
