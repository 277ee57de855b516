// The banners over the workspace: a live room's links, the map open in another tab, the first
// visit's welcome, a share link to copy.

/** The links of a live room this tab just made. */
export function LiveLinksBanner({ links, onClose }: { links: { edit: string; view: string }; onClose(): void }) {
  return (
    <div className="banner" role="dialog" aria-label="Live room" data-testid="live-links">
      A live room holds this map now. Edit link: <LinkField value={links.edit} label="Edit link" /> View-only link:{' '}
      <LinkField value={links.view} label="View-only link" />
      <button type="button" onClick={() => location.assign(links.edit)} data-testid="join-live">
        Join the room
      </button>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

/** The open map is open in another tab too: edits would overwrite each other. */
export function OpenElsewhereBanner({ onKeepAsCopy }: { onKeepAsCopy(): void }) {
  return (
    <div className="banner warning" role="alert" data-testid="open-elsewhere">
      This map is also open in another tab: edits in both would overwrite each other.
      <button type="button" onClick={onKeepAsCopy}>
        Keep editing here as a copy
      </button>
    </div>
  );
}

/** A first visit: what the sample map is, and where else to start. */
export function WelcomeBanner({
  onTeaShop,
  onTemplate,
  onNew,
  onClose,
}: {
  onTeaShop(): void;
  onTemplate(): void;
  onNew(): void;
  onClose(): void;
}) {
  return (
    <div className="banner welcome" data-testid="welcome">
      <span>
        Welcome to Mapwright. This is a sample map: drag a component along evolution and watch the analysis change.
        Start with
      </span>
      <button type="button" onClick={onTeaShop}>
        the tea shop (a first map)
      </button>
      <button type="button" onClick={onTemplate}>
        a template to fill in
      </button>
      <button type="button" onClick={onNew}>
        a new empty map
      </button>
      <button type="button" className="close" aria-label="Close the welcome" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** A share link the clipboard did not take: shown to copy by hand. */
export function ShareLinkBanner({ link, onDone }: { link: string; onDone(): void }) {
  return (
    <div className="banner" role="dialog" aria-label="Share link" data-testid="share-link">
      Copy this link to share the map: <LinkField value={link} label="Share link" autoFocus />
      <button type="button" onClick={onDone}>
        Done
      </button>
    </div>
  );
}

/** A link to copy: selected whole when focused. */
function LinkField({ value, label, autoFocus = false }: { value: string; label: string; autoFocus?: boolean }) {
  return <input readOnly value={value} onFocus={(e) => e.target.select()} autoFocus={autoFocus} aria-label={label} />;
}
