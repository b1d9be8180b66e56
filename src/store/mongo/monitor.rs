//! The driver's command monitoring, timing every command it sends (the one place every store
//! operation passes) into the store metrics. Failed commands are timed too; their errors are
//! counted where driver errors are mapped (`map_error`), which also sees those that never
//! reached a server (no server selected). Must not import poem, the service or the web layers.

use mongodb::event::command::CommandEvent;
use mongodb::event::EventHandler;

use crate::metrics::metrics;

/// The handler of `ClientOptions::command_event_handler`.
pub(super) fn time_commands() -> EventHandler<CommandEvent> {
    EventHandler::callback(|event| match event {
        CommandEvent::Succeeded(e) => metrics().mongodb_command(&e.command_name, e.duration),
        CommandEvent::Failed(e) => metrics().mongodb_command(&e.command_name, e.duration),
        _ => {}
    })
}
