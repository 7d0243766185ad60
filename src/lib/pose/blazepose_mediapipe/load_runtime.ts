import { mediapipeSolutionPath } from '../model_paths';

let loading: Promise<void> | null = null;

/** Loads @mediapipe/pose's pose.js (served from our origin) as a classic script, once. */
export function loadMediapipeRuntime(baseUrl: string): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${mediapipeSolutionPath(baseUrl)}/pose.js`;
    script.crossOrigin = 'anonymous';
    script.onload = () => resolve();
    script.onerror = () => {
      loading = null;
      reject(new Error(`Could not load the MediaPipe pose runtime from ${script.src}.`));
    };
    document.head.append(script);
  });
  return loading;
}
