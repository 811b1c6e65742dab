package org.gawahi.bot.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.gawahi.bot.telegram.TelegramChats;
import org.gawahi.storage.audit.AuditAction;
import org.gawahi.storage.audit.AuditLog;
import org.gawahi.storage.conversation.ConversationId;
import org.gawahi.storage.crypto.CannotOpenException;
import org.gawahi.storage.roles.Role;
import org.gawahi.storage.roles.RoleBook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code roles grant|revoke|list}: the role table is sealed to the collective key, so each
 * needs the passphrase. Grants and revocations are audited with the operator as actor and
 * the holder's pseudonym (which needs the unlocked keys to compute) as subject.
 */
@Command(name = "roles", mixinStandardHelpOptions = true,
        description = {"Grant, revoke and list moderator, collective and admin roles (by Telegram user id).",
                "The role table is sealed to the collective key: the passphrase comes from GAWAHI_PASSPHRASE "
                        + "or is asked for."},
        subcommands = {RolesCommand.Grant.class, RolesCommand.Revoke.class, RolesCommand.ListRoles.class})
final class RolesCommand implements Runnable {
    static final String ROLE_NAMES = "moderator, collective or admin";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Role role(String name) {
        return Role.parse(name).orElseThrow(() -> new UserFacingException("There is no role \"" + name
                + "\": use " + ROLE_NAMES + ". Nothing was changed."));
    }

    static long userId(String id) {
        try {
            long value = Long.parseLong(id.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // told below
        }
        throw new UserFacingException("\"" + id + "\" is not a Telegram user id: it is a positive number, which "
                + "the person can see by sending /start to @userinfobot. Nothing was changed.");
    }

    static UserFacingException roleTableDidNotOpen(CannotOpenException e) {
        return new UserFacingException(Failures.explain(e).orElse("The role table did not open."), e);
    }

    /** Changes one grant and audits it in one transaction. */
    abstract static class Change implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ROLE", description = ROLE_NAMES)
        String roleName;

        @Parameters(index = "1", paramLabel = "TELEGRAM-USER-ID")
        String id;

        @Spec
        CommandLine.Model.CommandSpec spec;

        abstract boolean change(RoleBook book, ConversationId user, Role role);

        abstract AuditAction action();

        abstract String done(Role role, long user, boolean changed);

        @Override
        public Integer call() throws Exception {
            Role role = role(roleName);
            long user = userId(id);
            // The typed Telegram id becomes her conversation here, at the CLI's edge.
            ConversationId holder = TelegramChats.conversation(user);
            try (Unlocked u = Unlocked.open(GawahiCommand.environment(spec))) {
                boolean changed = u.db.inTransaction(c -> {
                    try (RoleBook book = u.roles.open(u.opener)) {
                        boolean did = change(book, holder, role);
                        if (did) {
                            u.roles.save(book, u.sealer, u.opener);
                            u.audit.append(AuditLog.OPERATOR, action(), Optional.of(book.actorPseudonym(holder)));
                        }
                        return did;
                    } catch (CannotOpenException e) {
                        throw roleTableDidNotOpen(e);
                    }
                });
                spec.commandLine().getOut().println(done(role, user, changed));
            }
            return 0;
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = "Give someone a role. Audited.")
    static final class Grant extends Change {
        @Override
        boolean change(RoleBook book, ConversationId user, Role role) {
            return book.grant(user, role);
        }

        @Override
        AuditAction action() {
            return AuditAction.ROLE_GRANTED;
        }

        @Override
        String done(Role role, long user, boolean changed) {
            return changed ? "Granted " + role.label() + " to " + user + "."
                    : user + " already holds " + role.label() + "; nothing was changed.";
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Take a role away; it counts from her next command. Audited.")
    static final class Revoke extends Change {
        @Override
        boolean change(RoleBook book, ConversationId user, Role role) {
            return book.revoke(user, role);
        }

        @Override
        AuditAction action() {
            return AuditAction.ROLE_REVOKED;
        }

        @Override
        String done(Role role, long user, boolean changed) {
            return changed ? "Revoked " + role.label() + " from " + user + "."
                    : user + " does not hold " + role.label() + "; nothing was changed.";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List who holds which role, with the pseudonym the audit log names them by.")
    static final class ListRoles implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Unlocked u = Unlocked.open(GawahiCommand.environment(spec)); RoleBook book = u.roles.open(u.opener)) {
                if (book.holders().isEmpty()) {
                    out.println("Nobody holds a role yet. Grant one with `gawahi roles grant moderator TELEGRAM-USER-ID`.");
                    return 0;
                }
                out.println("telegram user id      roles                      audit actor");
                Map<Long, ConversationId> byId = new TreeMap<>();
                book.holders().keySet().forEach(user -> byId.put(TelegramChats.id(user), user));
                byId.forEach((id, user) -> out.printf("%-20d  %-25s  %s%n", id, names(book.holders().get(user)),
                        book.actorPseudonym(user).substring(0, AuditCommand.ACTOR_DIGITS)));
            }
            return 0;
        }

        private static String names(Set<Role> roles) {
            return roles.stream().map(Role::label).collect(Collectors.joining(", "));
        }
    }
}
