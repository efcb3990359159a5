package io.streamdesk.cli;

import io.streamdesk.model.JobId;
import picocli.CommandLine;

/** Turns a malformed job ID into a usage error (exit 2) with the expected format. */
final class JobIdConverter implements CommandLine.ITypeConverter<JobId> {
    @Override
    public JobId convert(String value) {
        try {
            return new JobId(value.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
