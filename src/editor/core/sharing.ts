// Making a live room from the open map: asked of the page's own server (`mapwright serve`), which
// answers with the room and its two tokens. No DOM: `fetch` is the platform's (or a test's).

/** The links of a new room: one to edit, one to watch. */
export interface RoomLinks {
  readonly room: string;
  readonly edit: string;
  readonly view: string;
}

/**
 * Asks the server at `base` (the app's address, without its fragment) for a room holding `text`.
 * Returns its links, or what stopped it in words (no server that makes rooms, or its refusal).
 */
export async function makeLiveRoom(
  text: string,
  base: string,
  post: typeof fetch = fetch,
): Promise<RoomLinks | { readonly problem: string }> {
  let reply: Response;
  try {
    reply = await post(new URL('/api/rooms', base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text }),
    });
  } catch {
    reply = new Response(null, { status: 503 });
  }
  const body = (await reply.json().catch(() => ({}))) as {
    room?: string;
    edit?: string;
    view?: string;
    error?: string;
  };
  if (!reply.ok || !body.room || !body.edit || !body.view) {
    const noServer = reply.status === 404 || reply.status === 405 || reply.status === 503;
    return {
      problem: noServer
        ? 'Live rooms need the Mapwright server: run `npx mapwright serve` and open the map from the address it prints.'
        : `The live room could not be made: ${body.error ?? reply.statusText}.`,
    };
  }
  return {
    room: body.room,
    edit: `${base}#room=${body.room}&token=${body.edit}`,
    view: `${base}#room=${body.room}&token=${body.view}`,
  };
}
