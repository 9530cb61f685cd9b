package dev.argogke.workflows.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DependsExpressionTest {

    @Test
    void findsEveryTaskWithItsResult() throws Exception {
        List<DependsExpression.Reference> refs = DependsExpression.parse("A && (B.Succeeded || !C-2.Failed) && D.AnySucceeded");
        assertEquals(List.of("A", "B", "C-2", "D"), refs.stream().map(DependsExpression.Reference::task).toList());
        assertEquals(List.of("", "Succeeded", "Failed", "AnySucceeded"), refs.stream().map(DependsExpression.Reference::result).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "A&&B", "  A ||B  ", "!A", "((A))", "A.Skipped || A.Omitted || A.Daemoned", "1-task && b-2"})
    void acceptsTheGrammarOfArgosDependsLogic(String expression) throws Exception {
        DependsExpression.parse(expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A &&", "&& A", "A B", "A & B", "A | B", "(A", "A)", "A.", "A.succeeded", "A and B", "A.Succeeded.Failed"})
    void rejectsWhatWouldFailWhenTheDagRuns(String expression) {
        assertThrows(DependsExpression.SyntaxError.class, () -> DependsExpression.parse(expression));
    }
}
