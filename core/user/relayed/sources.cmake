# The peer's side of the relay path (TURN TCP allocation → local libtorrent listener).
target_sources(mp2p_user PRIVATE ${CMAKE_CURRENT_LIST_DIR}/relayedlistener.cpp ${CMAKE_CURRENT_LIST_DIR}/relayedpeer.cpp)
target_link_libraries(mp2p_user PUBLIC mp2p_relay)
