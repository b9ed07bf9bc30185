# protocols/broadcast: Dolev–Strong authenticated broadcast (Ed25519 signatures, a simulated PKI)
# over LockstepNet rounds; used by the FROST DKG (protocols/frost/dkg.h).
list(APPEND SMPC_PROTOCOL_SOURCES
  broadcast/dolev_strong.cpp)
