package dev.notionconsole.connections;

import java.util.List;
import java.util.stream.Collectors;

/** A connection definition breaks a rule of {@link ConnectionValidator}; the message lists every blocking problem. */
public class InvalidConnectionException extends IllegalArgumentException {
    private final transient List<ConnectionValidator.Problem> problems;

    public InvalidConnectionException(List<ConnectionValidator.Problem> problems) {
        super(problems.stream().filter(ConnectionValidator.Problem::blocking).map(ConnectionValidator.Problem::message)
                .collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConnectionValidator.Problem> problems() {
        return problems;
    }
}
