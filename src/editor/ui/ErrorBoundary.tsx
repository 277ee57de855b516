// A failure inside one view (the canvas, the side panel, Explain mode) shows a short message in
// that view, with "reload the view" and "download the map text"; the rest of the app, the text
// editor first, keeps working. React only catches render errors in a class component.
import { Component, type ReactNode } from 'react';

interface Props {
  /** What the view is, for the message ("the canvas"). */
  readonly what: string;
  /** The map text now, offered as a download. */
  readonly text: () => string;
  readonly fileName: () => string;
  readonly onDownload: (name: string, text: string) => void;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly attempt: number;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error(`Mapwright: ${this.props.what} failed:`, error);
  }

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (!error) return <ViewKey key={attempt}>{this.props.children}</ViewKey>;
    return (
      <div className="view-error" role="alert" data-testid="view-error">
        <p>
          <strong>Something went wrong in {this.props.what}.</strong> Your map is safe: the text editor still works, and
          the map is kept in this browser.
        </p>
        <p className="detail">{error.message}</p>
        <button
          type="button"
          onClick={() => this.setState({ error: null, attempt: attempt + 1 })}
          data-testid="view-reload"
        >
          Reload the view
        </button>
        <button
          type="button"
          onClick={() => this.props.onDownload(this.props.fileName(), this.props.text())}
          data-testid="view-download"
        >
          Download the map text
        </button>
      </div>
    );
  }
}

/** Remounts its children when its key changes ("reload the view" starts them afresh). */
function ViewKey({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

/** A view the tests (and a curious user, from the console) can make fail: `mapwright.crashView('canvas')`. */
export function CrashProbe({ when }: { when: boolean }) {
  if (when) throw new Error('this view was made to fail on purpose (mapwright.crashView)');
  return null;
}
