//! Several auth-center processes on a three-member MongoDB replica set (scripts/mongo-cluster.sh):
//! `two_nodes` proves that two nodes are one service (codes, sessions, revocations, app changes
//! and signing keys cross between them within the stated bound), `failover` that a primary
//! SIGKILLed under mixed load loses no acknowledged write. `nodes` is the harness (the set and the
//! processes), `flows` what browsers and apps send.

mod failover;
mod flows;
mod load;
mod nodes;
mod two_nodes;
