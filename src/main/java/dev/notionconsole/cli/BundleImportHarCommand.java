package dev.notionconsole.cli;

import dev.notionconsole.bundle.HarImport;
import dev.notionconsole.core.json.Json;
import dev.notionconsole.request.history.HistoryEntry;
import dev.notionconsole.request.history.HistoryStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bundle import-har FILE}: the Notion API calls of a HAR file (a browser's dev tools, another API client, a
 * bundle) added to the history, where the Request workspace shows them. Credentials are not imported.
 */
@Command(name = "import-har", description = {"Add the Notion API calls of a HAR file to the history (credentials are dropped)."})
final class BundleImportHarCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @Parameters(index = "0", paramLabel = "FILE", description = "A .har file (or an .ncbundle).")
    Path file;

    private final CliContext context;

    BundleImportHarCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        HarImport.Result result;
        try {
            result = HarImport.read(Json.mapper().readTree(file.toFile()));
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "Cannot read " + file + ": " + TerminalText.message(e.getMessage()));
        }
        HistoryStore store = HistoryStore.open(context.dirs().config());
        for (HistoryEntry e : result.entries()) {
            store.add(e);
        }
        cl.getOut().println("Imported " + result.entries().size() + " call(s) into the history"
                + (result.skipped() > 0 ? "; skipped " + result.skipped() + " that were not Notion API calls." : "."));
        return ExitCodes.OK;
    }
}
